. tests/hostile/lib.sh
ln -sf /etc/passwd "$dest/service.xml"
