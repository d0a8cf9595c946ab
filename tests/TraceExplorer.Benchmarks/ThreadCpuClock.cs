using System.Runtime.InteropServices;

namespace TraceExplorer.Benchmarks;

/// <summary>
/// The CPU time the calling thread has used (Linux, CLOCK_THREAD_CPUTIME_ID): a single-threaded measurement that other
/// work on a busy machine does not inflate the way it inflates wall time.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    public static TimeSpan Now() =>
        ClockGetTime(ThreadCpuTimeId, out var time) == 0
            ? TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100))
            : throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");
}
