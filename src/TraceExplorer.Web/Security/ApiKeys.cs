using Microsoft.Extensions.Options;

namespace TraceExplorer.Web.Security;

/// <summary>The read and action API's keys (Frontend:ApiKeys), hashed once at start-up.</summary>
public sealed class ApiKeys(IOptions<FrontendOptions> options)
{
    private readonly SecretSet<AppRole> _keys = new(options.Value.ApiKeys.Select(k => (k.Key, k.Role)));

    /// <summary>The highest role the key grants; null when it is not a key.</summary>
    public AppRole? RoleFor(string? key) => _keys.Match(key).Select(r => (AppRole?)r).Max();
}
