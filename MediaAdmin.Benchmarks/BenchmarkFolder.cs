using Microsoft.Data.Sqlite;

namespace MediaAdmin.Benchmarks;

/// <summary>A temp folder of a benchmark's own, removed with all it holds however the run ends (see <see cref="BenchmarkLeftovers"/>).</summary>
internal static class BenchmarkFolder
{
    public static async Task<int> RunInAsync(string prefix, Func<string, Task<int>> run)
    {
        var root = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));
        using var listed = BenchmarkLeftovers.Folder(root);
        try
        {
            Directory.CreateDirectory(root);
            return await run(root);
        }
        finally
        {
            // SQLite keeps pooled connections open, which would hold the database files.
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
