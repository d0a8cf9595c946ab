using Microsoft.Extensions.Options;
using TraceExplorer.Web.Configuration;
using TraceExplorer.Web.Ingest;

namespace TraceExplorer.Tests.Ingest;

public sealed class IngestSecurityTests
{
    [Theory]
    [InlineData("http://localhost:4318", "localhost", 4318, true)]
    [InlineData("http://127.0.0.1:5080", "127.0.0.1", 5080, true)]
    [InlineData("http://[::1]:4317", "[::1]", 4317, true)]
    [InlineData("http://0.0.0.0:4318", "0.0.0.0", 4318, false)]
    [InlineData("http://*:4318", "*", 4318, false)]
    [InlineData("http://+:80", "+", 80, false)]
    [InlineData("http://10.1.2.3:4318", "10.1.2.3", 4318, false)]
    public void Listen_addresses_parse_and_know_whether_they_are_loopback(string url, string host, int port, bool loopback)
    {
        var address = ListenAddress.Parse(url);

        Assert.Equal((host, port, loopback), (address.Host, address.Port, address.IsLoopback));
    }

    [Theory]
    [InlineData("localhost:4318")]
    [InlineData("https://localhost:4318")]
    [InlineData("not a url")]
    public void A_bad_listen_address_is_refused_with_its_text(string url) =>
        Assert.Contains(url, Assert.Throws<FormatException>(() => ListenAddress.Parse(url)).Message);

    [Fact]
    public void Unsecured_ingest_on_loopback_starts_with_a_warning()
    {
        var warning = IngestSecurity.Check(new IngestOptions(), ListenAddress.ParseList("http://localhost:5080;http://127.0.0.1:4318"));

        Assert.Contains("unsecured", warning);
    }

    [Fact]
    public void Unsecured_ingest_beyond_loopback_fails_start_up_naming_the_address()
    {
        var error = Assert.Throws<InvalidOperationException>(() => IngestSecurity.Check(new IngestOptions(), ListenAddress.ParseList("http://0.0.0.0:4318")));

        Assert.Contains("http://0.0.0.0:4318", error.Message);
        Assert.Contains("ApiKey", error.Message);
    }

    [Fact]
    public void Api_key_mode_needs_a_primary_key()
    {
        Assert.Throws<InvalidOperationException>(() => IngestSecurity.Check(new IngestOptions { AuthMode = IngestAuthMode.ApiKey }, []));
        Assert.Null(IngestSecurity.Check(new IngestOptions { AuthMode = IngestAuthMode.ApiKey, PrimaryApiKey = "k" }, ListenAddress.ParseList("http://0.0.0.0:4318")));
    }

    [Theory]
    [InlineData("primary-key", null, true)]
    [InlineData("secondary-key", null, true)]
    [InlineData(null, "Bearer primary-key", true)]
    [InlineData(null, "bearer secondary-key", true)]
    [InlineData("wrong", null, false)]
    [InlineData("primary-key-but-longer", null, false)]
    [InlineData(null, "Basic primary-key", false)]
    [InlineData(null, null, false)]
    public void Either_key_is_accepted_in_either_header(string? apiKey, string? authorization, bool allowed)
    {
        var authorizer = new IngestAuthorizer(Options.Create(new IngestOptions
        {
            AuthMode = IngestAuthMode.ApiKey, PrimaryApiKey = "primary-key", SecondaryApiKey = "secondary-key",
        }));

        Assert.Equal(allowed, authorizer.IsAllowed(apiKey, authorization));
    }

    [Fact]
    public void Unsecured_mode_lets_everyone_send() =>
        Assert.True(new IngestAuthorizer(Options.Create(new IngestOptions())).IsAllowed(null, null));
}
