using MediaAdmin.Core.Data;
using MediaAdmin.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new SqliteMediaDbContext(new DbContextOptionsBuilder<SqliteMediaDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "run: dotnet ef migrations add <Name> --context SqliteMediaDbContext");
    }

    [Fact]
    public void The_sql_server_migrations_match_the_model()
    {
        using var db = SqlServerContext();
        Assert.False(db.Database.HasPendingModelChanges(), "run: dotnet ef migrations add <Name> --context SqlServerMediaDbContext");
    }

    [Fact]
    public void The_sql_server_migrations_produce_an_idempotent_script()
    {
        using var db = SqlServerContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains($"WHERE [MigrationId] = N'{migration}'", script, StringComparison.Ordinal);
        }

        Assert.Contains("CREATE TABLE [MediaAssets]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_MediaFiles_OneMezzaninePerAsset] ON [MediaFiles] ([AssetId]) WHERE [Kind] = 0", script, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Kind\"", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_up_migrates_a_new_sqlite_file_and_seeds_the_three_roles()
    {
        using var folder = new TempFolder();
        await using (var app = await CoreHost.StartAsync(folder.Path))
        {
            await using var db = await app.OpenDbAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(["Administrator", "Editor", "Viewer"], await db.Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync());
        }

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "mediaadmin.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Roles_whose_permissions_an_administrator_changed_are_left_as_they_are_on_restart()
    {
        using var folder = new TempFolder();
        await using (var first = await CoreHost.StartAsync(folder.Path))
        {
            await first.SetRolePermissionsAsync("Editor", Core.Permissions.PermissionNames.ReadMedia);
        }

        await using var second = await CoreHost.StartAsync(folder.Path);
        await using var db = await second.OpenDbAsync();
        var editorId = await db.Roles.Where(r => r.Name == "Editor").Select(r => r.Id).SingleAsync();
        Assert.Equal(["media.read"], await db.RoleClaims.Where(c => c.RoleId == editorId).Select(c => c.ClaimValue!).ToListAsync());
    }

    private static SqlServerMediaDbContext SqlServerContext() =>
        new(new DbContextOptionsBuilder<SqlServerMediaDbContext>().UseSqlServer("Server=127.0.0.1,1;Database=Never;User Id=none;Password=none;TrustServerCertificate=True").Options);
}
