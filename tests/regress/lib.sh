# Shared by the generate.sh scripts: a valid service around a body that
# is too big (or too odd) to keep in git.  Sourced with $1 the folder to
# write; the folder's name is the service id.
set -eu
dest=$1
id=$(basename "$dest")
mkdir -p "$dest"

# Prints service.xml up to the body of the answer to 6.1.1.
service_head() {
	cat <<XML
<?xml version="1.0" encoding="UTF-8"?>
<service id="$id">
  <name>テスト クラウドサービス</name>
  <short-name>TCS</short-name>
  <overview>
    <p><name/>は、試験用のサービスです。</p>
    <responsibility>
      <p><name/>における責任分界点は、下記の通りとなります。</p>
      <boundary>
        <layer owner="customer" label="サービス内の保存データ"><item>提供機能の設定</item></layer>
        <layer owner="provider" label="サービス基盤"><item>ネットワーク</item></layer>
      </boundary>
    </responsibility>
    <documents><p>サービス仕様書をご用意しております。</p></documents>
  </overview>
  <answers>
    <answer control="5.1.1"><p>情報セキュリティのための方針群を定めております。</p></answer>
    <answer control="6.1.1">
XML
}

# Prints the rest of service.xml after the body.
service_tail() {
	printf '\n</answer>\n  </answers>\n</service>\n'
}

# Prints a character string n times, without a newline.
repeat() {	# string n
	awk -v s="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
}
