using System.Text.Json;

namespace TraceExplorer.Core.Redaction;

/// <summary>How many values of each kind were redacted, e.g. for one span or one run.</summary>
public sealed class RedactionCounts
{
    // Created on the first redaction: most spans have nothing redacted, and one of these exists per span.
    private Dictionary<RedactionKind, int>? _counts;

    public int Total => _counts?.Values.Sum() ?? 0;

    public IReadOnlyDictionary<RedactionKind, int> ByKind => _counts ?? [];

    public void Add(RedactionKind kind, int count = 1)
    {
        _counts ??= [];
        _counts[kind] = _counts.GetValueOrDefault(kind) + count;
    }

    public void Add(RedactionCounts other)
    {
        foreach (var (kind, count) in other.ByKind)
        {
            Add(kind, count);
        }
    }

    /// <summary>Stored form: {"email":2,"phone":1}; null when nothing was redacted.</summary>
    public string? ToJson() => _counts is null or { Count: 0 }
        ? null
        : JsonSerializer.Serialize(_counts.OrderBy(c => c.Key).ToDictionary(c => c.Key.ToString().ToLowerInvariant(), c => c.Value));

    public static RedactionCounts FromJson(string? json)
    {
        var counts = new RedactionCounts();
        if (!string.IsNullOrEmpty(json))
        {
            foreach (var (name, count) in JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? [])
            {
                if (Enum.TryParse<RedactionKind>(name, ignoreCase: true, out var kind))
                {
                    counts.Add(kind, count);
                }
            }
        }

        return counts;
    }
}
