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

    [Fact]
    public void Content_hash_is_sha256_prefix()
    {
        // SHA-256("abc") = ba7816bf8f01cfea...
        Assert.Equal("ba7816bf8f01cfea", KeyedHash.Content("abc"));
    }
}
