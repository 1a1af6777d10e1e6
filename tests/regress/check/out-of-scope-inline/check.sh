# no list of the controls out of scope where no setting asks for it
! grep -q 'id="out-of-scope"' "$1/document.xml" "$1/whitepaper.html" &&
    ! grep -q '資産を持ちません' "$1/whitepaper.txt"
