using MediaAdmin.Core.AccessKeys;
using MediaAdmin.Core.Data;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Data;

public sealed class SqliteWriteGateTests : CoreHostTest
{
    [Fact]
    public async Task An_api_write_awaits_its_turn_while_another_writer_of_the_instance_holds_the_gate_and_then_goes_through()
    {
        var gate = App.Services.GetRequiredService<SqliteWriteGate>();
        var nonces = App.Services.GetRequiredService<NonceStore>();
        await using var db = await App.OpenDbAsync();

        Task<bool> waiting;
        using (await gate.EnterAsync(db))
        {
            waiting = nonces.TryUseAsync("gated-nonce");
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            Assert.False(waiting.IsCompleted);
        }

        Assert.True(await waiting);
        Assert.False(await nonces.TryUseAsync("gated-nonce"));
    }
}
