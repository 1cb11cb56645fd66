using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Hosting;

/// <summary>The console serves wwwroot-assets as it is in the tree, with no symbolic link a Windows clone would lose.</summary>
public sealed class StaticAssetsTests : ConsoleServerTest
{
    [Fact]
    public async Task Every_file_of_wwwroot_assets_is_served_byte_for_byte()
    {
        var assets = Path.Combine(RepositoryRoot(), "wwwroot-assets");
        var files = Directory.GetFiles(assets, "*", SearchOption.AllDirectories);
        using var client = Server.CreateClient();

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var url = "/" + Path.GetRelativePath(assets, file).Replace('\\', '/');
            Assert.Equal(await File.ReadAllBytesAsync(file), await client.GetByteArrayAsync(url));
        }
    }

    [Fact]
    public void The_source_tree_holds_no_symbolic_link()
    {
        var skipped = new HashSet<string>(StringComparer.Ordinal) { ".git", "bin", "obj", "node_modules", "TestResults", ".tools" };
        var links = new List<string>();
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(RepositoryRoot())]);
        while (pending.TryPop(out var folder))
        {
            foreach (var entry in folder.EnumerateFileSystemInfos())
            {
                if (entry.LinkTarget is not null)
                {
                    links.Add(entry.FullName);
                }
                else if (entry is DirectoryInfo child && !skipped.Contains(child.Name))
                {
                    pending.Push(child);
                }
            }
        }

        Assert.Empty(links);
    }

    private static string RepositoryRoot() => Path.GetDirectoryName(ConsoleServer.WebProjectFolder)!;
}
