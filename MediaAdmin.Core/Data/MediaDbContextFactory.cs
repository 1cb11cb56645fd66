using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Data;

/// <summary>Hands out the provider's context as the provider-neutral <see cref="MediaDbContext"/>.</summary>
internal sealed class MediaDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<MediaDbContext>
    where TContext : MediaDbContext
{
    public MediaDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<MediaDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
