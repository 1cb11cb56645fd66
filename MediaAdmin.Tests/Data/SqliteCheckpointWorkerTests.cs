using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Data;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Tests.Data;

public sealed class SqliteCheckpointWorkerTests : CoreHostTest
{
    [Fact]
    public async Task New_rows_reach_the_database_file_in_the_background_long_before_the_log_reaches_the_commit_checkpoint_size()
    {
        var databaseFile = new FileInfo(Path.Combine(App.DataFolder, "mediaadmin.db"));
        var owner = await App.CreateUserAsync(RoleNames.Editor);
        var before = Length(databaseFile);

        // About 300 pages of rows and index entries: the database file grows only when a checkpoint copies them in.
        var added = await App.AddAssetsAsync(owner.Id, 400, streams: 4, snapshots: 2);

        await using (var db = await App.OpenDbAsync())
        {
            var walPages = new FileInfo(databaseFile.FullName + "-wal").Length / 4096;
            Assert.InRange(walPages, 1, SqliteConnectionTuning.CommitCheckpointPages - 1);
            Assert.Equal(400, await db.MediaAssets.CountAsync(a => added.Select(x => x.Id).Contains(a.Id)));
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Length(databaseFile) <= before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(Length(databaseFile) > before, $"the database file stayed at {before} bytes");
    }

    private static long Length(FileInfo file)
    {
        file.Refresh();
        return file.Length;
    }
}
