. tests/regress/lib.sh
{ service_head; printf '<p>'; head -c 10485760 /dev/zero | tr '\0' 'a'
  printf '</p>'; service_tail; } >"$dest/service.xml"
