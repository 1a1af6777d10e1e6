. tests/regress/lib.sh
{ service_head; printf '<table><tr>'; repeat '<td>x</td>' 15
  printf '<td>'; repeat B 9000; printf '</td></tr></table>'
  service_tail; } >"$dest/service.xml"
