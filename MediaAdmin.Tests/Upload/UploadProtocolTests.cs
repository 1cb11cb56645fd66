using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using MediaAdmin.Core.Permissions;

namespace MediaAdmin.Tests.Upload;

/// <summary>The /upload protocol against the real console: chunks, resume, limits, hand-over to the pipeline.</summary>
public sealed class UploadProtocolTests : UploadServerTest
{
    [Fact]
    public async Task An_upload_cut_off_half_way_resumes_from_the_server_offset_and_the_pipeline_gets_the_identical_file()
    {
        using var editor = await UploadClient.SignInAsync(Server, RoleNames.Editor);
        var (id, file) = await editor.StartPartlySentAsync("interview.mp4", (3 * 1024 * 1024) + 17, 0);

        using var cut = new CancellationTokenSource();
        var stalling = new StallingContent(file, file.Length / 2);
        var firstTry = editor.PutAsync(id, stalling, 0, file.Length - 1, file.Length, cut.Token);
        await stalling.Stalled;
        await WaitUntilAsync(async () => await editor.OffsetAsync(id) > 0);
        await cut.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => firstTry);

        var resumedAt = await ResumeAsync(editor, id, file);
        var completed = await editor.CompleteAsync(id);

        Assert.InRange(resumedAt, 1, file.Length / 2);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var (submission, sha256) = Assert.Single(Pipeline.Submissions);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(file)), sha256);
        Assert.Equal(("interview.mp4", "interview"), (submission.OriginalFileName, submission.Title));
        Assert.True(Core.Library.VideoId.IsWellFormed(VideoIdOf(await completed.Content.ReadFromJsonAsync<JsonElement>())));
        Assert.Empty(FilesLeftInUploads());
    }

    [Fact]
    public async Task A_chunk_that_leaves_a_gap_or_overlaps_is_refused_with_409_and_the_offset_to_send_from()
    {
        using var editor = await UploadClient.SignInAsync(Server, RoleNames.Editor);
        var (id, file) = await editor.StartPartlySentAsync("clip.mov", 300, 100);

        var gap = await editor.PutAsync(id, file, 200, 299);
        var overlap = await editor.PutAsync(id, file, 50, 149);

        foreach (var refused in new[] { gap, overlap })
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("100", refused.Headers.GetValues("Upload-Offset").Single());
        }

        Assert.Equal("This upload has 100 bytes; the next chunk must start at byte 100, not 200.", await UploadClient.DetailOf(gap));
        Assert.Equal(100, await editor.OffsetAsync(id));
        var head = await editor.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri($"/upload/{id}", UriKind.Relative)));
        Assert.Equal("100", head.Headers.GetValues("Upload-Offset").Single());
    }

    [Theory]
    [InlineData("feature.mxf", MaxUploadBytes + 1, HttpStatusCode.RequestEntityTooLarge, "feature.mxf has 16,777,217 bytes, more than the 16,777,216 bytes an upload may have.")]
    [InlineData("blank.wav", 0, HttpStatusCode.BadRequest, "blank.wav is empty; there is nothing to upload.")]
    [InlineData(" ", 100, HttpStatusCode.BadRequest, "Name the file to upload.")]
    public async Task A_file_over_the_limit_empty_or_unnamed_is_refused_with_a_clear_message_and_leaves_nothing(
        string fileName, long size, HttpStatusCode expected, string message)
    {
        using var editor = await UploadClient.SignInAsync(Server, RoleNames.Editor);

        var refused = await editor.StartAsync(fileName, size);

        Assert.Equal(expected, refused.StatusCode);
        Assert.Equal(message, await UploadClient.DetailOf(refused));
        Assert.Empty(FilesLeftInUploads());
    }

    [Theory]
    [InlineData(".mp4", ".mp4")]
    [InlineData("  Harbour at dawn.mov ", "Harbour at dawn")]
    [InlineData(LongName + ".mp4", LongTitle)]
    public async Task A_file_sent_without_a_title_takes_its_name_shortened_to_the_title_limit_rather_than_being_refused(string fileName, string title)
    {
        var (editor, _, completed) = await CompleteAfterSendingAsync(fileName, 100, 100);
        using var _ = editor;

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal(title, Assert.Single(Pipeline.Submissions).Submission.Title);
    }

    [Fact]
    public async Task A_typed_title_over_the_limit_is_refused_before_any_byte_is_sent_and_leaves_nothing()
    {
        using var editor = await UploadClient.SignInAsync(Server, RoleNames.Editor);

        var refused = await editor.StartAsync("clip.mov", 100, title: LongName);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("A title may have at most 128 characters; this one has 150.", await UploadClient.DetailOf(refused));
        Assert.Empty(FilesLeftInUploads());
    }

    [Fact]
    public async Task Completing_before_every_byte_arrived_is_refused_and_keeps_the_upload_to_resume()
    {
        var (editor, id, early) = await CompleteAfterSendingAsync("clip.mov", 200, 100);
        using var _ = editor;

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("clip.mov has 100 of 200 bytes so far; send the rest before completing.", await UploadClient.DetailOf(early));
        Assert.Empty(Pipeline.Submissions);
        Assert.Equal(100, await editor.OffsetAsync(id));
    }

    [Fact]
    public async Task A_file_the_pipeline_refuses_answers_its_reason_and_the_upload_files_are_gone()
    {
        var (editor, id, refused) = await CompleteAfterSendingAsync("not-media.mp4", 1000, 1000);
        using var _ = editor;

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(RecordingIngestPipeline.NotMediaRefusal, await UploadClient.DetailOf(refused));
        Assert.Empty(FilesLeftInUploads());
        Assert.Equal(HttpStatusCode.NotFound, (await editor.Http.GetAsync(new Uri($"/upload/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_request_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        using var editor = await UploadClient.SignInAsync(Server, RoleNames.Editor);
        var id = await editor.StartIdAsync("clip.mov", 100);
        var tokenHeader = editor.Http.DefaultRequestHeaders.Single().Key;
        editor.Http.DefaultRequestHeaders.Remove(tokenHeader);

        var start = await editor.StartAsync("other.mov", 100);
        var chunk = await editor.PutAsync(id, UploadClient.RandomFile(100), 0, 99);
        var cancel = await editor.CancelAsync(id);

        Assert.All([start, chunk, cancel], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Contains("antiforgery token is missing", await UploadClient.DetailOf(chunk), StringComparison.Ordinal);
        Assert.Equal([$"{id}.json", $"{id}.part"], FilesLeftInUploads().Order(StringComparer.Ordinal));
        Assert.Equal(0, new FileInfo(Path.Combine(UploadsFolder, $"{id}.part")).Length);
    }

    [Fact]
    public async Task Another_users_upload_id_is_not_found_for_every_call_and_stays_intact()
    {
        using var owner = await UploadClient.SignInAsync(Server, RoleNames.Editor);
        using var colleague = await UploadClient.SignInAsync(Server, RoleNames.Editor);
        var (id, file) = await owner.StartPartlySentAsync("clip.mov", 100, 50);

        var answers = new[]
        {
            await colleague.Http.GetAsync(new Uri($"/upload/{id}", UriKind.Relative)),
            await colleague.PutAsync(id, file, 50, 99),
            await colleague.CompleteAsync(id),
            await colleague.CancelAsync(id),
        };

        Assert.All(answers, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(50, await owner.OffsetAsync(id));
        Assert.Empty(Pipeline.Submissions);
    }

    [Fact]
    public async Task Cancelling_an_upload_removes_its_partial_file_and_sidecar()
    {
        using var editor = await UploadClient.SignInAsync(Server, RoleNames.Editor);
        var (id, _) = await editor.StartPartlySentAsync("clip.mov", 100, 50);

        var cancelled = await editor.CancelAsync(id);

        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.Empty(FilesLeftInUploads());
    }

    private async Task<(UploadClient Editor, string Id, HttpResponseMessage Completed)> CompleteAfterSendingAsync(string fileName, int size, int sentBytes)
    {
        var editor = await UploadClient.SignInAsync(Server, RoleNames.Editor);
        var (id, _) = await editor.StartPartlySentAsync(fileName, size, sentBytes);
        return (editor, id, await editor.CompleteAsync(id));
    }

    // As upload.js does: send the rest from where the server stands; while the cut request still holds the file, try again.
    private static async Task<long> ResumeAsync(UploadClient client, string id, byte[] file)
    {
        long resumedAt = -1;
        await WaitUntilAsync(async () =>
        {
            resumedAt = await client.OffsetAsync(id);
            var rest = await client.PutAsync(id, file, resumedAt, file.Length - 1);
            return rest.StatusCode == HttpStatusCode.OK;
        });
        return resumedAt;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The condition did not hold within 10 seconds.");
    }

    // 150 characters: a camera's or an editor's long file name, within the 255 bytes a Linux file name may have.
    private const string LongName = "Harbour at dawn, second unit, camera B, take 14, graded for the festival cut, 4K HDR master with the director's notes and the sound mix v3 applied, ok";

    // Its first 127 characters and an ellipsis: the 128 a title may have.
    private const string LongTitle = "Harbour at dawn, second unit, camera B, take 14, graded for the festival cut, 4K HDR master with the director's notes and the s…";

    private static string VideoIdOf(JsonElement body) => body.GetProperty("videoId").GetString()!;
}
