using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace TraceExplorer.Web.Security;

/// <summary>The authorization policies, one per role, each met by that role or a higher one: the one place roles are checked.</summary>
public static class AccessPolicies
{
    public const string Viewer = nameof(AppRole.Viewer);
    public const string Engineer = nameof(AppRole.Engineer);
    public const string Admin = nameof(AppRole.Admin);

    public static AuthorizationBuilder AddAccessPolicies(this AuthorizationBuilder builder)
    {
        foreach (var role in Enum.GetValues<AppRole>())
        {
            builder.AddPolicy(role.ToString(), policy => policy.RequireAuthenticatedUser().RequireAssertion(context => Has(context.User, role)));
        }

        return builder;
    }

    /// <summary>The user holds <paramref name="role"/> or a role above it.</summary>
    public static bool Has(ClaimsPrincipal user, AppRole role) => RoleOf(user) is { } held && held >= role;

    /// <summary>The highest role among the user's role claims; null when none names a role.</summary>
    public static AppRole? RoleOf(ClaimsPrincipal user) =>
        user.FindAll(ClaimTypes.Role).Select(c => Enum.TryParse<AppRole>(c.Value, ignoreCase: true, out var role) && Enum.IsDefined(role) ? role : (AppRole?)null)
            .Where(r => r is not null).Max();

    public static ClaimsPrincipal Principal(string name, AppRole role, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role.ToString())], scheme));
}
