using Microsoft.AspNetCore.DataProtection;

namespace TraceExplorer.Web.Security;

/// <summary>
/// <c>DataProtection:KeysDirectory</c>: where the keys that sign sign-in cookies and antiforgery tokens are kept.
/// Unset, each node keeps its own, which is right for one node. UI nodes behind a load balancer share one directory
/// (a shared volume), so a cookie issued by one node is accepted by the others when a node goes away.
/// </summary>
public static class SharedDataProtection
{
    public const string KeysDirectoryKey = "DataProtection:KeysDirectory";

    public static WebApplicationBuilder AddSharedDataProtection(this WebApplicationBuilder builder)
    {
        var directory = builder.Configuration[KeysDirectoryKey];
        if (!string.IsNullOrWhiteSpace(directory))
        {
            builder.Services.AddDataProtection()
                .SetApplicationName("TraceExplorer")
                .PersistKeysToFileSystem(new DirectoryInfo(directory));
        }

        return builder;
    }
}
