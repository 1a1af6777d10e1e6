. tests/regress/lib.sh
{ service_head; printf '<p><link href="https://a.example/'; repeat a 60000
  printf '"/></p>'; service_tail; } >"$dest/service.xml"
