using System.Diagnostics;
using System.Text;

namespace MediaAdmin.Core.Ingest;

/// <summary>What an external tool printed and how it ended.</summary>
public sealed record ToolOutcome(int ExitCode, string StandardOutput, string ErrorTail)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>
/// Runs ffmpeg or ffprobe with an argument list (never a shell string, so no file name is ever
/// interpreted), and kills the whole process tree when the token is cancelled.
/// </summary>
public static class ToolRun
{
    private const int ErrorTailChars = 2000;

    /// <summary>Runs <paramref name="executable"/>; each line of standard output also goes to <paramref name="onOutputLine"/>.</summary>
    public static async Task<ToolOutcome> RunAsync(
        string executable, IEnumerable<string> arguments, CancellationToken cancellationToken, Action<string>? onOutputLine = null)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var errors = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            onOutputLine?.Invoke(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (errors)
            {
                errors.AppendLine(e.Data);
                if (errors.Length > ErrorTailChars * 2)
                {
                    errors.Remove(0, errors.Length - ErrorTailChars);
                }
            }
        };

        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }

        // WaitForExitAsync returns once the streams are drained, so both buffers are complete here.
        string tail;
        lock (errors)
        {
            tail = errors.Length > ErrorTailChars ? errors.ToString(errors.Length - ErrorTailChars, ErrorTailChars) : errors.ToString();
        }

        lock (output)
        {
            return new ToolOutcome(process.ExitCode, output.ToString(), tail.Trim());
        }
    }
}
