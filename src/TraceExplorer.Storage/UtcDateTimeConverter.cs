using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TraceExplorer.Storage;

/// <summary>Every time in the store is UTC; SQLite keeps no kind, so values read back are marked UTC again.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
