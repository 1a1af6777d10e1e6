. tests/regress/lib.sh
ln -sf /etc/passwd "$dest/service.xml"
