namespace TraceExplorer.Core.Redaction;

/// <summary>The small JSONPath subset tool rules use: <c>$.a.b</c>, <c>$.items[*].email</c>, <c>$.*.token</c>.</summary>
public static class JsonPathPattern
{
    public static string[] Parse(string path)
    {
        var trimmed = path.Trim();
        if (!trimmed.StartsWith('$'))
        {
            throw new FormatException($"A tool rule path starts with '$': '{path}'.");
        }

        return trimmed[1..].Replace("[*]", ".*", StringComparison.Ordinal)
            .Split('.', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Whether a location (property names, '*' for array items) is the one the pattern names.</summary>
    public static bool Matches(string[] pattern, IReadOnlyList<string> path)
    {
        if (pattern.Length != path.Count)
        {
            return false;
        }

        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != "*" && pattern[i] != path[i])
            {
                return false;
            }
        }

        return pattern.Length > 0;
    }
}
