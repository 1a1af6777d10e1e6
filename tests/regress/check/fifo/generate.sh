. tests/regress/lib.sh
rm -f "$dest/service.xml"
mkfifo "$dest/service.xml"
