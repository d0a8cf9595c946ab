using System.Globalization;

namespace TraceExplorer.Benchmarks;

/// <summary>A server process's CPU time so far (user and system), from /proc (Linux): what a request cost on a shared machine, where wall time also counts others' work.</summary>
internal static class ServerCpu
{
    public static double Milliseconds(int pid)
    {
        // Fields 14 and 15 of /proc/PID/stat, after the command name in parentheses (which may hold spaces).
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks * 1000.0 / ClockTicksPerSecond;
    }

    /// <summary>USER_HZ: 100 on every Linux build the project runs on.</summary>
    private const double ClockTicksPerSecond = 100;
}
