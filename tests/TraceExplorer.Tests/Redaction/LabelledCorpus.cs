namespace TraceExplorer.Tests.Redaction;

/// <summary>
/// A labelled corpus of our own, written for these tests and never tuned against a detector's output: values that
/// must never be stored (each with the text that carries it), secrets named by their field, and look-alikes that must
/// stay readable because they are what an engineer debugs with.
/// </summary>
internal static class LabelledCorpus
{
    /// <summary>A value that must not survive redaction, in the words that carry it.</summary>
    public sealed record Sensitive(string Category, string Raw, string Carrier)
    {
        public Sensitive(string category, string raw)
            : this(category, raw, raw)
        {
        }
    }

    public static readonly Sensitive[] Values =
    [
        // E-mail, also IDN, unicode local parts and percent-encoded.
        new("email", "jane.doe@example.com"), new("email", "ops+alerts@shop-42.io"), new("email", "UPPER.CASE@EXAMPLE.ORG"),
        new("email", "müller@beispiel.de"), new("email", "josé.garcía@correo.es"), new("email", "user@bücher.example"),
        new("email", "info@xn--bcher-kva.example"), new("email", "jane.doe%40example.com"), new("email", "j%C3%BCrgen%40example.de"),
        new("email", "用户@例子.广告"), new("email", "a_b-c@sub.domain.example.net"), new("email", "first.last123@gmail.com"),
        // Phones: international anywhere; national formats of the default regions.
        new("phone", "+1 415 555 2671"), new("phone", "(415) 555-2671"), new("phone", "+44 20 7946 0958"), new("phone", "020 7946 0958"),
        new("phone", "+49 30 901820"), new("phone", "030 12345678"), new("phone", "0151 12345678"), new("phone", "+33 1 42 68 53 00"),
        new("phone", "01 42 68 53 00"), new("phone", "+91 98765 43210"), new("phone", "098765 43210"), new("phone", "+55 11 91234-5678"),
        new("phone", "(11) 91234-5678"), new("phone", "+81 3-1234-5678"), new("phone", "03-1234-5678"), new("phone", "+61 2 9374 4000"),
        new("phone", "(02) 9374 4000"), new("phone", "0412 345 678"), new("phone", "+34 912 34 56 78"), new("phone", "612 34 56 78"),
        new("phone", "+39 06 1234 5678"), new("phone", "06 1234 5678"), new("phone", "+31 20 123 4567"), new("phone", "06 12345678"),
        new("phone", "4915112345678", "call me on 4915112345678"), new("phone", "447911123456", "phone: 447911123456"),
        // Payment cards, with spaces, dashes, dots and slashes.
        new("card", "4111 1111 1111 1111"), new("card", "4111111111111111"), new("card", "5500-0000-0000-0004"), new("card", "4111.1111.1111.1111"),
        new("card", "5105/1051/0510/5100"), new("card", "378282246310005"), new("card", "6011000000000004"), new("card", "3530111333300000"),
        new("card", "4222222222222", "card 4222222222222"),
        // IBANs, also lower case and with dashes.
        new("iban", "DE89 3704 0044 0532 0130 00"), new("iban", "de89370400440532013000"), new("iban", "GB82-WEST-1234-5698-7654-32"),
        new("iban", "fr14 2004 1010 0505 0001 3m02 606"), new("iban", "NL91ABNA0417164300"), new("iban", "ES9121000418450200051332"),
        // Keys and tokens.
        new("key", "sk-proj-4f9XkQ2mT7vB1nL8pR3sW6yZ0aC5dE9gH2jK"), new("key", "AKIAIOSFODNN7EXAMPLE"), new("key", "ASIAY34FZKBOKMUTVV7A"),
        new("key", "hf_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"), new("key", "SK2b5a6d8e9f0a1b2c3d4e5f6a7b8c9d0e1f"), new("key", "key-3ax6xnjp29jd6fds4gc373sgvjxteol0"),
        new("key", "dop_v1_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"), new("key", "ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R"),
        new("key", "xoxb-123456789012-abcdefABCDEF"), new("key", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"), new("key", "q8ZrT4vLm2XwP9sKd7NyB3hJ"),
        new("key", "Zx9Qw2Er7Ty4Ui1Op6As3Df8Gh5Jk0Lz"),
        new("key", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"),
        new("pem", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\nab12\n-----END PRIVATE KEY-----"),
        new("pem", "AoIBAQDfKx7", "-----BEGIN RSA PRIVATE KEY-----\nAoIBAQDfKx7\nxyz\n-----END RSA PRIVATE KEY-----"),
        new("pem", "b3BlbnNzaC1rZXktdjEAAAAA", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----"),
        // Credentials in URLs, headers and connection strings.
        new("url password", "s3cr3tPass", "postgres://app:s3cr3tPass@db/orders"), new("url password", "hunter22", "redis://default:hunter22@10.0.0.5:6379"),
        new("url password", "Pa55w0rd", "https://bob:Pa55w0rd@intranet/files"), new("url password", "tiger1", "mysql://scott:tiger1@127.0.0.1/shop"),
        new("header", "dXNlcjpwYXNzd29yZA==", "Authorization: Basic dXNlcjpwYXNzd29yZA=="), new("header", "abc123def456ghi789", "Authorization: Token abc123def456ghi789"),
        new("header", "mF_9.B5f-4.1JqM", "authorization: bearer mF_9.B5f-4.1JqM"), new("header", "k3yV4lu3-9981", "X-Api-Key: k3yV4lu3-9981"),
        new("header", "7b1e9d2c4a", "x-api-key=7b1e9d2c4a"),
        new("connection string", "Sup3rS3cret!", "Server=db;Database=shop;User Id=app;Password=Sup3rS3cret!;"),
        new("connection string", "m0nk3y", "Host=pg;Username=app;Pwd=m0nk3y;Database=x"), new("connection string", "letmein7", "Data Source=srv;password=letmein7"),
        // National identifiers.
        new("national id", "123-45-6789"), new("national id", "123 45 6789"), new("national id", "078051120", "SSN 078051120"),
        new("national id", "AB123456C"), new("national id", "AB 12 34 56 C"), new("national id", "12345678Z"), new("national id", "X1234567L"),
        new("national id", "123.456.789-09"), new("national id", "2341 2341 2346"), new("national id", "491827364507", "aadhaar 491827364507"),
        new("national id", "1 84 12 76 451 089 46"), new("national id", "184127645108946", "NIR 184127645108946"), new("national id", "2 90 02 2A 123 456 78"),
        new("national id", "RSSMRA85T10A562S"), new("national id", "MRTMTT91D08F205J", "codice fiscale: MRTMTT91D08F205J"),
        new("national id", "111222333", "BSN 111222333"), new("national id", "1234.56.782", "burgerservicenummer 1234.56.782"),
        new("national id", "86095742719", "Steuer-ID 86095742719"), new("national id", "47 036 892 816", "Steueridentifikationsnummer: 47 036 892 816"),
        // IP addresses.
        new("ip", "203.0.113.7"), new("ip", "8.8.8.8"), new("ip", "2001:db8::8a2e:370:7334"),
    ];

    /// <summary>Secrets recognised only by the name of the field they are given in.</summary>
    public static readonly (string Name, string Value)[] NamedSecrets =
    [
        ("password", "correct-horse-battery"), ("pwd", "Tr0ub4dor"), ("pass", "opensesame9"), ("passphrase", "blue whale jumps"),
        ("access_key", "AK-77-hidden-key"), ("signing_key", "sgn-4471-hidden"), ("encryption_key", "enc-hidden-0042"),
        ("license_key", "LIC-2291-HIDDEN"), ("session_id", "Kq7mZ2xR9vT4bN8wL3pY6sH1dF5gJ0cA"), ("session_token", "st-hidden-8812"), ("bearer", "brr-hidden-5521"), ("auth", "auth-hidden-3310"),
        ("credentials", "cred-hidden-7781"), ("pin", "4490"), ("cvc", "731"), ("otp", "902114"), ("mfa_code", "118822"),
        ("social_security_number", "ssn-hidden-5512"), ("clientSecret", "cs-hidden-0099"), ("apiKey", "ak-hidden-4412"),
        ("X-Api-Key", "xk-hidden-6633"), ("access_token", "at-hidden-8890"), ("refreshToken", "rt-hidden-1188"), ("Authorization", "Basic aGlkZGVuOnZhbHVl"),
    ];

    /// <summary>Values that must stay as they are: token counts, ids, hashes, times, versions, names. (field, value)</summary>
    public static readonly (string Field, string Value)[] LookAlikes = BuildLookAlikes();

    private static (string, string)[] BuildLookAlikes()
    {
        var list = new List<(string, string)>
        {
            ("max_tokens", "1024"), ("total_tokens", "2742"), ("input_tokens", "120"), ("output_tokens", "30"), ("llm.token_count.total", "150"),
            ("llm.token_count.prompt", "120"), ("llm.token_count.completion", "30"), ("gen_ai.usage.input_tokens", "120"), ("tokenizer", "cl100k_base"),
            ("cache_read_input_tokens", "512"), ("ai.usage.promptTokens", "120"), ("secretary", "Jane's office"), ("className", "OrdersLookupService"),
            ("businessName", "Acme Widgets Ltd"), ("processName", "dotnet"), ("addressNumber", "42"), ("tokens_per_second", "88.5"),
            ("session.id", "conv-2026-11-24-a"), ("session_id", "support-session-42"), ("sessionId", "conv_8f3a2b"), ("gen_ai.conversation.id", "conv_8f3a2b"), ("token_type", "bearer"), ("key", "orders.lookup"),
            ("cache_key", "runs:page:2"), ("partition_key", "2026-11-24"), ("idempotency_key", "idem-77812"), ("passed", "true"),
            ("password_policy", "min 12 chars"), ("author", "support-agent"), ("pinned", "false"), ("pagination.next", "page=3"),
        };

        // Datetimes in the formats logs and agents print.
        foreach (var time in new[] { "2025-05-17 15:36:18", "2026-11-24T10:00:00.000Z", "2026-11-24 09:41", "24/11/2026 09:41", "11/24/2026 9:41 AM",
                     "2026-11-24T10:00:00+01:00", "20261124T100000Z", "2026-11-24", "Tue, 24 Nov 2026 10:00:00 GMT", "10:30:00", "1716000000000", "1716000000",
                     "2026-11-24 15:36:18.123456", "2025-01-02 03:04:05", "1999-12-31 23:59:59" })
        {
            list.Add(("timestamp", time));
        }

        // Versions, four-part ones too.
        foreach (var version in new[] { "1.0.0.0", "10.0.19041.1", "4.8.1.0", "v3.2.1", "policy-2026.11.2", "support-prompt-v3.3", "tools-v42", "routes-v8",
                     "2.1.0-beta.3", "1.2.3.4-rc1", "version 6.0.36.1", "build 20261124.5", "net10.0", "15.0.4420.1017", "8.0.0.0" })
        {
            list.Add(("version", version));
        }

        // Ids: orders, invoices, UUIDs, trace and span ids, tool call ids, SKUs, EANs, tickets.
        foreach (var id in new[] { "A-597572", "INV-2026-000412", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "5b8efff798038103d269b633813fc60c", "eee19b7ec3c1b174",
                     "call_5FhwUTb5AOmPJseAx7YRHr3o", "toolu_01A09q90qw90lq917835lq9", "run_4333eacee84e3492", "SKU-4155552671X", "4006381333931", "4062585178128",
                     "4079032892184", "4041144269420", "ZD-482913", "1234567890123", "9780306406157", "ORD-20261124-0007", "cus_NffrFeUfNV2Hib", "pi_3MtwBwLkdIwHu7ix28a3tqPa",
                     "msg_01XFDUDYJgAACzvnptvVoYEL", "chatcmpl-8abc123XYZ", "req_2026112400001", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                     "invoice 1000234567", "order 4402117", "ticket #88213", "case 20261124-17", "batch 777-1234-99",
                     "184127645108947", "tracking 123456782", "ORDERS2026X01Q42", "SUPPORTAGENTV3XL", "order 86095742719", "1 84 12 76 451 089" })
        {
            list.Add(("id", id));
        }

        // Hashes and digests.
        foreach (var hash in new[] { "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "d41d8cd98f00b204e9800998ecf8427e",
                     "sha512-Q7r0N8bJ2y4tKdPuT3Wm9sVf1Lc6Xa5Hz8Ee2Rg4Yi7Oo0Bn3Mk6Jp9Dl1Cs5Aw8Tq2Uv4Gx7Zy0Hb3Nf6Kj9Lm2Pq5Rs8Tu1Vw4Xy7Za0Bc3De6Fg9Hi2Jk5Lm8No1Pq4==",
                     "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC",
                     "da39a3ee5e6b4b0d3255bfef95601890afd80709", "0x8f3a2b1c4d5e6f708192a3b4c5d6e7f8", "git 3ff15b4", "commit 9780544c48da83" })
        {
            list.Add(("hash", hash));
        }

        // Step, tool and span names, exception types.
        foreach (var name in new[] { "orders.lookup", "kb.search", "OrdersLookupServiceTimeoutException42", "System.TimeoutException", "execute_tool orders_lookup",
                     "invoke_agent support-agent(4f2c9a1b8d7e)", "chat gpt-4o-mini", "RunnableSequence", "ChannelWrite<agent,messages>", "ai.generateText.doGenerate",
                     "support_orders_lookup", "tool-call-4f9a2b", "span-8c7d6e5f4a3b", "HttpRequestException", "TaskCanceledException",
                     "LangGraph", "__start__", "model_request", "refund.approve", "policy.check" })
        {
            list.Add(("name", name));
        }

        // Amounts, counts, measures and prose with numbers.
        foreach (var text in new[] { "124.50 EUR", "1,234,567.89", "30000 ms", "1m 38s", "top_k=5", "page 2 of 10", "2,742 tokens", "temperature 0.7",
                     "12:30:45", "Q4 2026", "sprint 42", "ISO week 2026-W48", "section 4.2.1", "HTTP 503", "port 4318", "49.99", "100000", "3.14159265358979",
                     "0.000123", "-122.4194", "37.7749", "999999999", "12345", "2026", "5,000,000", "1e-9", "42 items", "7 days", "retry 3 of 5", "60000" })
        {
            list.Add(("value", text));
        }

        // Prose an agent sends, with everything above mixed in.
        foreach (var prose in new[]
                 {
                     "Order A-597572 left the warehouse on 2026-11-24.", "Refund of 124.50 EUR approved on 24/11/2026 at 09:41.",
                     "Model gpt-4o-mini answered in 1.38 s using 2,742 tokens.", "The path /api/runs/run_abc/steps?offset=6&limit=1 returned 200.",
                     "Running on .NET 10.0.0.0 with EF Core 10.0.1.", "Retrying orders.lookup after TimeoutException (attempt 2).",
                     "kb.search returned 5 documents in 412 ms.", "Use the refund policy v3.2 for orders over 1000 EUR.",
                     "At 2025-05-17 15:36:18 the agent escalated.", "Tokens: prompt 120, completion 30, total 150.",
                     "The customer's session expired at 10:30:00.", "Set max_tokens to 1024 and temperature to 0.2.",
                     "Build 15.0.4420.1017 deployed to eu-west-1.", "Invoice INV-2026-000412 totals 1,234.00 EUR.",
                     "Password reset email sent.", "The token limit was exceeded.", "Secret santa list updated.",
                     "Authorization succeeded for the refund.", "Timeout after 30 s on orders.lookup.", "The passphrase policy requires 4 words.",
                 })
        {
            list.Add(("message", prose));
        }

        // More of what real runs carry: model names, routes, hosts, paths, SemVer ranges, file names, regions.
        foreach (var more in new[]
                 {
                     "gpt-4o-mini-2024-07-18", "claude-3-5-sonnet-20241022", "text-embedding-3-small", "llama-3.1-70b-instruct", "fallback-small", "primary-large",
                     "api.openai.com", "orders.internal:8443", "/v1/chat/completions", "/api/orders/A-597572", "^1.2.3", "~10.0.0", ">=8.0.0 <9.0.0",
                     "report-2026-11-24.csv", "eu-west-1", "us-east-2", "projects/acme/locations/us-central1", "arn:aws:lambda:eu-west-1:123456789012:function:refund",
                     "i-0abcd1234ef567890", "sg-0123456789abcdef0", "vpc-1a2b3c4d", "pod support-agent-7d9f8c6b5-x2k4q", "node-17", "worker 3/8",
                     "ZnVuY3Rpb24gY2FsbA", "base64:aGVsbG8=", "UTF-8", "application/json", "text/event-stream", "gzip", "HTTP/2", "TLS 1.3",
                     "SELECT 1", "LIMIT 50 OFFSET 100", "k8s.pod.name", "service.version 2.4.1", "deployment.environment production", "tenant acme-eu",
                     "locale de-DE", "currency EUR",
                 })
        {
            list.Add(("value", more));
        }

        return list.ToArray();
    }
}
