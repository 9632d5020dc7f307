package io.callqa.pipeline.sink.opensearch;

/**
 * A self-signed test certificate for {@code CN=localhost} with subject alternative names {@code
 * 127.0.0.1} and {@code localhost}, valid until 2126, made with {@code keytool -genkeypair -keyalg
 * EC}. Its key is only good for loopback TLS tests.
 */
final class TestCertificates {

    private TestCertificates() {}

    /** The certificate, PEM encoded, as an OpenSearch {@code root-ca.pem} would be. */
    static final String SELF_SIGNED_PEM =
            "-----BEGIN CERTIFICATE-----\n"
                    + "MIIBXjCCAQOgAwIBAgIIFrM+GQ3kjC8wCgYIKoZIzj0EAwIwFDESMBAGA1UEAxMJ\n"
                    + "bG9jYWxob3N0MCAXDTI2MTEyMTA1MzMzMFoYDzIxMjYxMDI4MDUzMzMwWjAUMRIw\n"
                    + "EAYDVQQDEwlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAR84T07\n"
                    + "lCvA1snavF3Uh4aHjLnQEVuJMFAnEI+R7A45RHHl/ytxTBjjCX2XjXMalk7LXIBR\n"
                    + "Z/izpAV/7InU3GMcoz0wOzAdBgNVHQ4EFgQULLs40n7bxNHj/W/Ly+2pljg3d8Yw\n"
                    + "GgYDVR0RBBMwEYcEfwAAAYIJbG9jYWxob3N0MAoGCCqGSM49BAMCA0kAMEYCIQDM\n"
                    + "33IpRg4ak0CaLpOEHKwlOpFhU2Q5NjkkLb2ZVMgF+AIhAPVXBva7AkuxFd2HJff5\n"
                    + "pjel+RJa4cbyi0+T/hJ36/J0\n"
                    + "-----END CERTIFICATE-----\n";

    /** Password of {@link #SERVER_PKCS12_BASE64}. */
    static final String SERVER_PKCS12_PASSWORD = "changeit";

    /** PKCS#12 keystore with the certificate and its private key, base64 encoded. */
    static final String SERVER_PKCS12_BASE64 =
            "MIIEEAIBAzCCA7oGCSqGSIb3DQEHAaCCA6sEggOnMIIDozCCASoGCSqGSIb3DQEH"
                    + "AaCCARsEggEXMIIBEzCCAQ8GCyqGSIb3DQEMCgECoIG9MIG6MGYGCSqGSIb3DQEF"
                    + "DTBZMDgGCSqGSIb3DQEFDDArBBQ5Bh74Eta88EYDkROhPqGnd+XWeAICJxACASAw"
                    + "DAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEBDnjXVGazdp8inc5JPi9MYEUK+P"
                    + "Z1SDxxFMaysyxe3/aA3laqsYBCRNTie1VqmKfhIABvE3IfCGGWWxqexXqfLGXBTp"
                    + "6aFkC0V6b7AUeGG1FbfXSKaeprxyhfnExaoI6RuCMUAwGwYJKoZIhvcNAQkUMQ4e"
                    + "DABzAGUAcgB2AGUAcjAhBgkqhkiG9w0BCRUxFAQSVGltZSAxNzk1MjM5MjEwMDg4"
                    + "MIICcQYJKoZIhvcNAQcGoIICYjCCAl4CAQAwggJXBgkqhkiG9w0BBwEwZgYJKoZI"
                    + "hvcNAQUNMFkwOAYJKoZIhvcNAQUMMCsEFFiNYSwHWgMxRQ8fD9y/oAqcaCbAAgIn"
                    + "EAIBIDAMBggqhkiG9w0CCQUAMB0GCWCGSAFlAwQBKgQQV1gbMi0nJnmj1Nu+YABg"
                    + "gICCAeCpnPWZ7+Vzy54LX4tymxFEWn+ES0vFDxsqVCBq1b5XJbC8Gu5+4n/PXJIj"
                    + "GlNyk0aY/UN+J6dAe7diZnni0ViDdZeatrPOSyMXSXw1aMyqL6wJkrwaLvRcjWZ2"
                    + "1/nykx629QubHy7vxdGZEVPCIpA4cFUoiy3hw7JXH8uPbOFxlUfSdLjumdUuz7PK"
                    + "MoAn7/aueniaUbDATtzjStM8P7DOQ4EisPgiZxbU5qkT6wLV0KxtOFVN5HmyCEX+"
                    + "U/UOCYSdbDDSX0EgWLjT5QoYX3Hse//VcQijFVr4uNAfNoX1nLl6E5oal6v/XlIf"
                    + "1OqTUYdWrz1Ux5Uww0OYk2wlv6jEZIY6jQf/92lzLXhopcZsHjyS5+SUXXTzlti/"
                    + "Hx+EkFX250hgnzZ5SLnw4pFEyDQVGrCP53SwwrJznM/WjNdIJ50vNSbFhAED1+CH"
                    + "rDBRFuCf4LS1a3aFPlRzZQrB5hjYPf1tgefsUdwayK5/CpTBt/3FEGkTm1JJKfFx"
                    + "hattaDPxjxqIM4faTHASSEpglWZ2ifb+IazpX2xt0Jxk5LmuUFFJsx1IohRENJh7"
                    + "CK5lAqX2B3HS9Xoy7KDFhc8hR16b3C3gvpN7i2oU68piCuzRXUqAw+xoZjdWB/wD"
                    + "WWy+x3gwTTAxMA0GCWCGSAFlAwQCAQUABCDZDEheYdWJ+bXxD/Dy5sm6p/cbx71P"
                    + "xT9BGN38qeqooAQUBXEL1Qp4qdqayy/Bq/Xnid/pY1UCAicQ";
}
