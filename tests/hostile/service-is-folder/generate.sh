. tests/hostile/lib.sh
mkdir -p "$dest/service.xml"
