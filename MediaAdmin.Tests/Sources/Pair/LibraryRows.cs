using MediaAdmin.Core.Data;
using MediaAdmin.Core.Library;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Sources.Pair;

/// <summary>What a person sees of one asset in a library, read straight from a server's database.</summary>
public sealed record LibraryRow(string Title, MediaStatus Status, MediaType MediaType, long? CategoryId);

/// <summary>Reads a server's library rows from its own database, so the two sides of a pair are compared as stored.</summary>
public static class LibraryRows
{
    public static async Task<Dictionary<string, LibraryRow>> ReadAsync(ConsoleServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaDbContext>();
        return await db.MediaAssets.AsNoTracking()
            .ToDictionaryAsync(a => a.Id, a => new LibraryRow(a.Title, a.Status, a.MediaType, a.CategoryId), StringComparer.Ordinal);
    }

    public static async Task<LibraryRow?> FindAsync(ConsoleServer server, string id)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaDbContext>();
        return await db.MediaAssets.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new LibraryRow(a.Title, a.Status, a.MediaType, a.CategoryId))
            .SingleOrDefaultAsync();
    }
}
