using MediaAdmin.Core.Accounts;
using MediaAdmin.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Tests.Web;

/// <summary>One console for a class of sign-in tests, with its password hasher counting the hashes it computes.</summary>
public sealed class SignInServer : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public ConsoleServer Server { get; private set; } = null!;

    public CountingPasswordHasher Hasher => (CountingPasswordHasher)Server.Services.GetRequiredService<IPasswordHasher<MediaUser>>();

    // Registered before Identity, whose own hasher is only added when none is.
    public async Task InitializeAsync() =>
        Server = await ConsoleServer.StartAsync(_folder.Path, configure: builder => builder.Services.AddSingleton<IPasswordHasher<MediaUser>, CountingPasswordHasher>());

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _folder.Dispose();
    }
}

/// <summary>Identity's hasher, counting every hash it computes (hashing a new password or verifying one).</summary>
public sealed class CountingPasswordHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<MediaUser>
{
    private readonly PasswordHasher<MediaUser> _inner = new(options);
    private int _hashes;

    public int Hashes => Volatile.Read(ref _hashes);

    public string HashPassword(MediaUser user, string password)
    {
        Interlocked.Increment(ref _hashes);
        return _inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(MediaUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _hashes);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
