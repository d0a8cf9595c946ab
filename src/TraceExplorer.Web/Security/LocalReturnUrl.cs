namespace TraceExplorer.Web.Security;

/// <summary>
/// Where sign-in may send the browser afterwards: a path on this site and nothing else. Browsers drop tabs and line
/// breaks and read a backslash as a slash, so "/\t/evil.example/" or "/\evil.example" would leave the site; every
/// such form, also percent-encoded, falls back to "/".
/// </summary>
public static class LocalReturnUrl
{
    public const string Home = "/";

    public static string Sanitize(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2048)
        {
            return Home;
        }

        // Checked as given and as decoded, up to a few levels of encoding: a page behind another redirect decodes again.
        var form = returnUrl;
        for (var level = 0; level < 4; level++)
        {
            if (!IsLocalPath(form))
            {
                return Home;
            }

            var decoded = Uri.UnescapeDataString(form);
            if (decoded == form)
            {
                return Uri.TryCreate(returnUrl, UriKind.Relative, out _) ? returnUrl : Home;
            }

            form = decoded;
        }

        return Home;
    }

    private static bool IsLocalPath(string path) =>
        path.Length > 0 && path[0] == '/'
        && (path.Length == 1 || path[1] is not ('/' or '\\'))
        && !path.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) || c is '\u200B' or '\uFEFF');
}
