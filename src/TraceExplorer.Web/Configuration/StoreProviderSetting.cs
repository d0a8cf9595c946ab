using TraceExplorer.Storage;

namespace TraceExplorer.Web.Configuration;

/// <summary><c>Storage:Provider</c>: Sqlite (the default) or Postgres.</summary>
public static class StoreProviderSetting
{
    public const string Key = "Storage:Provider";

    public static StoreProvider Read(IConfiguration configuration)
    {
        var value = configuration[Key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return StoreProvider.Sqlite;
        }

        return Enum.TryParse<StoreProvider>(value.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"{Key} is '{value}'; it must be Sqlite or Postgres.");
    }
}
