using System.Collections.Concurrent;

namespace TraceExplorer.Core.Redaction;

/// <summary>
/// Answers remembered per string (a field name's verdict, a name found clean), bounded so that a sender of endless
/// distinct names cannot grow it without limit: when full it starts over. Thread-safe; counting is lock-free, unlike
/// <see cref="ConcurrentDictionary{TKey,TValue}.Count"/>, which takes every lock.
/// </summary>
internal sealed class BoundedCache<TValue>(int capacity)
{
    private readonly ConcurrentDictionary<string, TValue> _entries = new(StringComparer.Ordinal);
    private int _count;

    public bool TryGet(string key, out TValue value) => _entries.TryGetValue(key, out value!);

    public void Add(string key, TValue value)
    {
        if (Interlocked.Increment(ref _count) > capacity)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _count, 1);
        }

        _entries[key] = value;
    }
}
