package io.callqa.pipeline.sink.opensearch;

/** Certificates for tests that only need a parseable one, never a trusted one. */
final class TestCertificates {

    private TestCertificates() {}

    /** A self-signed EC certificate for CN=callqa-test-ca; its key was thrown away. */
    static final String SELF_SIGNED_PEM =
            "-----BEGIN CERTIFICATE-----\n"
                    + "MIIBSzCB8aADAgECAghY65PzLK86WzAKBggqhkjOPQQDAjAZMRcwFQYDVQQDEw5j\n"
                    + "YWxscWEtdGVzdC1jYTAgFw0yNjExMjEwNTE4MjVaGA8yMTI2MTAyODA1MTgyNVow\n"
                    + "GTEXMBUGA1UEAxMOY2FsbHFhLXRlc3QtY2EwWTATBgcqhkjOPQIBBggqhkjOPQMB\n"
                    + "BwNCAAQU05+sb8qoMfWqtH/MM3W41AWVI4JLAsvQe4WOddOkckz5DGqz/ICVW90R\n"
                    + "wpVTBK0ON4mzWD4cLtnhbPK9MjP/oyEwHzAdBgNVHQ4EFgQUuYqjZKDuJ3MUCTCq\n"
                    + "qV6i315WlKgwCgYIKoZIzj0EAwIDSQAwRgIhAJ7KHK11flDiw7aIzRAuK/qksm3p\n"
                    + "PMXJbHj3XO9xh8qmAiEAjMWnS0SryUPK0tWRuoYnRIh/eir+Ay8pv0hcZhNjqiY=\n"
                    + "-----END CERTIFICATE-----\n";
}
