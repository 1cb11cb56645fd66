using MediaAdmin.Core.Data;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediaAdmin.Tests.Ingest;

/// <summary>A database made before uploads existed gets media.upload for the roles that manage the library.</summary>
public sealed class UploadPermissionMigrationTests
{
    [Fact]
    public async Task Migrating_an_existing_database_grants_upload_to_roles_that_may_delete_and_to_no_other()
    {
        using var folder = new TempFolder();
        await using var db = new SqliteMediaDbContext(new DbContextOptionsBuilder<SqliteMediaDbContext>()
            .UseSqlite($"Data Source={Path.Combine(folder.Path, "old.db")};Pooling=False").Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("TitleSearchInCreationOrder");
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "AspNetRoles" ("Id", "Name", "NormalizedName") VALUES ('r-own', 'Editor', 'EDITOR'), ('r-any', 'Curator', 'CURATOR'), ('r-read', 'Viewer', 'VIEWER');
            INSERT INTO "AspNetRoleClaims" ("RoleId", "ClaimType", "ClaimValue") VALUES
                ('r-own', 'mediaadmin:permission', 'media.read'), ('r-own', 'mediaadmin:permission', 'media.delete.own'),
                ('r-any', 'mediaadmin:permission', 'media.delete.own'), ('r-any', 'mediaadmin:permission', 'media.delete.any'),
                ('r-read', 'mediaadmin:permission', 'media.read');
            """);

        await migrator.MigrateAsync();

        var uploaders = await db.RoleClaims.Where(c => c.ClaimValue == "media.upload").Select(c => c.RoleId).OrderBy(r => r).ToListAsync();
        Assert.Equal(["r-any", "r-own"], uploaders);
    }
}
