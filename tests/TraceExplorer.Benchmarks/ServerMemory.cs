using System.Globalization;

namespace TraceExplorer.Benchmarks;

/// <summary>A server process's peak resident memory, from /proc (Linux).</summary>
internal static class ServerMemory
{
    public static long PeakMiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
