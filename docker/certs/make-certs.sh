#!/bin/sh
# Makes the stack's own TLS material once, into the certs volume: a private CA, a certificate for
# the OpenSearch node (names opensearch and localhost) and one for the security plugin's admin.
# Uses only keytool, which every JRE has, so the callqa image needs nothing extra. Run by the
# one-shot `certs` service in docker/compose.yaml; a second run keeps what is there, so clients
# that trust the CA keep working. The CA's private key is not kept: to add or renew certificates,
# delete the volume (docker compose down -v removes all data too) and start over with a new CA.
set -eu

out=${CERTS_DIR:-/certs}
pass=${OPENSEARCH_KEYSTORE_PASSWORD:?set OPENSEARCH_KEYSTORE_PASSWORD in docker/.env}
owner=${CERTS_OWNER:-1000:1000}
days=${CERTS_VALIDITY_DAYS:-825}

if [ -f "$out/root-ca.pem" ] && [ -f "$out/node.p12" ] && [ -f "$out/truststore.p12" ]; then
  echo "certs: $out already holds the stack's certificates; keeping them"
  exit 0
fi

mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

keytool -genkeypair -alias ca -dname "CN=callqa stack CA,O=callqa" -keyalg RSA -keysize 3072 \
  -validity 3650 -ext bc:c -ext ku:c=keyCertSign,cRLSign \
  -storetype PKCS12 -keystore ca.p12 -storepass "$pass"
keytool -exportcert -rfc -alias ca -keystore ca.p12 -storepass "$pass" -file root-ca.pem

# issue NAME DN EXT...: a key pair in NAME.p12 with its certificate signed by the CA, chain included.
issue() {
  name=$1
  dn=$2
  shift 2
  keytool -genkeypair -alias "$name" -dname "$dn" -keyalg RSA -keysize 2048 -validity "$days" \
    -storetype PKCS12 -keystore "$name.p12" -storepass "$pass"
  keytool -certreq -alias "$name" -keystore "$name.p12" -storepass "$pass" -file "$name.csr"
  keytool -gencert -alias ca -keystore ca.p12 -storepass "$pass" -infile "$name.csr" \
    -outfile "$name.pem" -rfc -validity "$days" "$@"
  keytool -importcert -noprompt -alias ca -file root-ca.pem -keystore "$name.p12" -storepass "$pass"
  keytool -importcert -noprompt -alias "$name" -file "$name.pem" -keystore "$name.p12" \
    -storepass "$pass"
}

issue node "CN=opensearch,O=callqa" \
  -ext SAN=dns:opensearch,dns:localhost,ip:127.0.0.1 \
  -ext ku:c=digitalSignature,keyEncipherment -ext eku=serverAuth,clientAuth
issue admin "CN=callqa-admin,O=callqa" \
  -ext ku:c=digitalSignature,keyEncipherment -ext eku=clientAuth

keytool -importcert -noprompt -alias ca -file root-ca.pem -storetype PKCS12 \
  -keystore truststore.p12 -storepass "$pass"

cp root-ca.pem truststore.p12 node.p12 admin.p12 "$out/"
# Public parts readable by every service user; keys only by OpenSearch's user (uid 1000).
chmod 0644 "$out/root-ca.pem" "$out/truststore.p12"
chmod 0600 "$out/node.p12" "$out/admin.p12"
if [ "$(id -u)" = 0 ]; then
  chown "$owner" "$out/node.p12" "$out/admin.p12"
fi
echo "certs: wrote the CA (root-ca.pem), node.p12, admin.p12 and truststore.p12 to $out"
