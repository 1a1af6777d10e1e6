. tests/regress/lib.sh
{ service_head; printf '<p>'; repeat 'これは長い段落の文です。' 8334
  printf '</p>'; service_tail; } >"$dest/service.xml"
