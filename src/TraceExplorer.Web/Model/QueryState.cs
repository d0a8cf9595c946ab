using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace TraceExplorer.Web.Model;

/// <summary>
/// A page's or an API's state as query-string text, read and written the same way for every state record: each text
/// property marked <see cref="FromQueryAttribute"/> is one parameter under that name (the name minimal APIs bind with
/// <c>[AsParameters]</c>), written in the order the record declares it. An empty value is the same as a missing one.
/// </summary>
public static class QueryState
{
    /// <summary>The state in a URL or a query string (with or without '?'); parameters the record does not name are ignored.</summary>
    public static T Read<T>(string uri)
        where T : new()
    {
        var queryStart = uri.IndexOf('?', StringComparison.Ordinal);
        var values = queryStart < 0 ? [] : QueryHelpers.ParseQuery(uri[queryStart..]);
        var state = new T();
        foreach (var (name, property) in Parameters<T>.All)
        {
            if (values.TryGetValue(name, out var value) && !StringValues.IsNullOrEmpty(value))
            {
                property.SetValue(state, value.ToString());
            }
        }

        return state;
    }

    /// <summary>The query string (without '?') for the state, leaving out what is empty.</summary>
    public static string Write<T>(T state)
    {
        var pairs = Parameters<T>.All
            .Select(p => new KeyValuePair<string, string?>(p.Name, (string?)p.Property.GetValue(state)))
            .Where(p => !string.IsNullOrWhiteSpace(p.Value));
        return QueryString.Create(pairs).ToUriComponent().TrimStart('?');
    }

    /// <summary>One parameter's value, named as in the URL.</summary>
    public static string? Get<T>(T state, string name) => (string?)Parameters<T>.All.Single(p => p.Name == name).Property.GetValue(state);

    /// <summary>A copy of the state with one parameter, named as in the URL, set to a value (null clears it).</summary>
    public static T With<T>(T state, string name, string? value)
        where T : new()
    {
        if (!Parameters<T>.All.Any(p => p.Name == name))
        {
            throw new ArgumentException($"{typeof(T).Name} has no parameter '{name}'.", nameof(name));
        }

        var copy = new T();
        foreach (var (parameter, property) in Parameters<T>.All)
        {
            property.SetValue(copy, parameter == name ? value : property.GetValue(state));
        }

        return copy;
    }

    private static class Parameters<T>
    {
        public static readonly IReadOnlyList<(string Name, PropertyInfo Property)> All = typeof(T)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.CanWrite)
            .Select(p => (Attribute: p.GetCustomAttribute<FromQueryAttribute>(), Property: p))
            .Where(p => p.Attribute?.Name is not null)
            .OrderBy(p => p.Property.MetadataToken)
            .Select(p => (p.Attribute!.Name!, p.Property))
            .ToArray();
    }
}
