using Npgsql;
using TraceExplorer.Storage;

namespace TraceExplorer.Tests.Storage;

public sealed class PostgresJitSettingTests
{
    [Fact]
    public void The_store_turns_jit_off_and_keeps_other_options()
    {
        var plain = new NpgsqlConnectionStringBuilder(StoreProviders.WithoutJit("Host=db;Database=t"));
        var withOptions = new NpgsqlConnectionStringBuilder(StoreProviders.WithoutJit("Host=db;Database=t;Options=-c statement_timeout=5000"));

        Assert.Equal(("db", "t", "-c jit=off"), (plain.Host, plain.Database, plain.Options));
        Assert.Equal("-c statement_timeout=5000 -c jit=off", withOptions.Options);
    }

    [Fact]
    public void A_jit_setting_in_the_connection_string_wins()
    {
        var builder = new NpgsqlConnectionStringBuilder(StoreProviders.WithoutJit("Host=db;Options=-c jit=on"));

        Assert.Equal("-c jit=on", builder.Options);
    }
}
