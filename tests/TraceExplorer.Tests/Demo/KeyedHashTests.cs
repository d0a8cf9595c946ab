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
