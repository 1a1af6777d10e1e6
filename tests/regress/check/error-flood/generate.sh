. tests/regress/lib.sh
{ service_head; printf '<p>本文です。</p></answer>\n'; repeat '<answer control="6.1.1"><p>a</p></answer>\n' 10000
  printf '<answer control="6.1.1"><p>b</p>'; service_tail; } >"$dest/service.xml"
