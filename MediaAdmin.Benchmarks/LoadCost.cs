using System.Diagnostics;
using System.Globalization;

namespace MediaAdmin.Benchmarks;

/// <summary>
/// What the measured run cost the one benchmark process (the client, both instances and their workers): CPU time
/// and managed allocations per call, the collections they caused and how long those paused every thread. Latency
/// percentiles on a shared 2-core machine move with everything else running; these move with the code.
/// </summary>
internal readonly record struct LoadCost(TimeSpan Cpu, long AllocatedBytes, TimeSpan GcPauses, int Gen0, int Gen1, int Gen2, long JitMethods, TimeSpan JitTime)
{
    public static LoadCost Now()
    {
        using var process = Process.GetCurrentProcess();
        return new LoadCost(
            process.TotalProcessorTime, GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
            System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
    }

    public string Since(LoadCost start, int calls, int seconds)
    {
        var cpu = Cpu - start.Cpu;
        var perCall = Math.Max(1, calls);
        return string.Create(CultureInfo.InvariantCulture,
            $"cost: cpu_ms_per_call={cpu.TotalMilliseconds / perCall:F2} cores_busy={cpu.TotalSeconds / seconds:F2} alloc_kb_per_call={(AllocatedBytes - start.AllocatedBytes) / 1024.0 / perCall:F1} " +
            $"collections={Gen0 - start.Gen0}/{Gen1 - start.Gen1}/{Gen2 - start.Gen2} gc_paused_ms={(GcPauses - start.GcPauses).TotalMilliseconds:F0} " +
            $"jit_methods={JitMethods - start.JitMethods} jit_ms={(JitTime - start.JitTime).TotalMilliseconds:F0}");
    }
}
