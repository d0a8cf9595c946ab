using TraceExplorer.Core.Hashing;

namespace TraceExplorer.Tests.Demo;

public sealed class KeyedHashTests
{
    [Fact]
    public void Equal_values_under_one_key_hash_alike_and_other_keys_differ()
    {
        var first = KeyedHash.Compute("key-a", "user-42");

        Assert.Equal(first, KeyedHash.Compute("key-a", "user-42"));
        Assert.NotEqual(first, KeyedHash.Compute("key-b", "user-42"));
        Assert.NotEqual(first, KeyedHash.Compute("key-a", "user-43"));
        Assert.Matches("^[0-9a-f]{16}$", first);
    }

    [Theory]
    [InlineData("key-a", "user-42", 16)]
    [InlineData("key-a", "", 4)]
    [InlineData("clé-ü", "müller@beispiel.de 用户", 5)]
    [InlineData("key-b", null, 64)]
    public void The_hash_is_HMAC_SHA256_however_often_and_under_whichever_keys_it_runs(string key, string? value, int hexLength)
    {
        // Longer than the stack buffer: the pooled path.
        value ??= new string('x', 3000);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(key), System.Text.Encoding.UTF8.GetBytes(value)))[..hexLength];

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(expected, KeyedHash.Compute(key, value, hexLength));
            KeyedHash.Compute("another-key-" + i, value);
        }
    }

    [Fact]
    public void Content_hashes_are_stable_lowercase_hex_and_tell_values_apart()
    {
        var hash = KeyedHash.Content("{\"order_id\":\"A-1\"}");

        Assert.Equal(hash, KeyedHash.Content("{\"order_id\":\"A-1\"}"));
        Assert.NotEqual(hash, KeyedHash.Content("{\"order_id\":\"A-2\"}"));
        Assert.Matches("^[0-9a-f]{16}$", hash);
        Assert.Matches("^[0-9a-f]{32}$", KeyedHash.Content("x", hexLength: 32));
        Assert.StartsWith(hash, KeyedHash.Content("{\"order_id\":\"A-1\"}", hexLength: 32));
    }
}
