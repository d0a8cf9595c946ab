namespace TraceExplorer.Web.Security;

/// <summary>Who may do what, each role including the ones before it.</summary>
public enum AppRole
{
    /// <summary>Product owners: reports, analytics and run structure; payloads (inputs, arguments, results, snippets) hidden.</summary>
    Viewer,

    /// <summary>Reads everything, pins runs, downloads replay bundles, diffs runs.</summary>
    Engineer,

    /// <summary>Settings, retention, deletion, keys.</summary>
    Admin,
}
