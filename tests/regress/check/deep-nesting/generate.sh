. tests/regress/lib.sh
{ service_head; printf '<p>'; repeat '<em>' 10000; printf '深い'
  repeat '</em>' 10000; printf '</p>'; service_tail; } >"$dest/service.xml"
