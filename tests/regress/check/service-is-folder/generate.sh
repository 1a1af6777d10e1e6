. tests/regress/lib.sh
mkdir -p "$dest/service.xml"
