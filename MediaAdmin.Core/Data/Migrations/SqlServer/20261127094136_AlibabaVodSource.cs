using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaAdmin.Core.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AlibabaVodSource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RemoteRequestId",
                table: "DeletionAuditRecords",
                type: "varchar(64)",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CategoryGrants",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CategoryId = table.Column<long>(type: "bigint", nullable: false),
                    GrantedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CategoryGrants", x => new { x.UserId, x.CategoryId });
                    table.ForeignKey(
                        name: "FK_CategoryGrants_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CategoryGrants_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutgoingVodEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EventType = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    VideoId = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    Body = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    AbandonedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(1024)", maxLength: 1024, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutgoingVodEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReceivedVodEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EventKey = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    EventType = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    VideoId = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    EventTimeUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ReceivedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceivedVodEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RemoteAssets",
                columns: table => new
                {
                    AssetId = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    CoverUrl = table.Column<string>(type: "nvarchar(2048)", maxLength: 2048, nullable: true),
                    RemoteModifiedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SeenInSyncRunId = table.Column<long>(type: "bigint", nullable: false),
                    SyncedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RemoteAssets", x => x.AssetId);
                    table.ForeignKey(
                        name: "FK_RemoteAssets_MediaAssets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "MediaAssets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SourceSyncRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    RequestedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    StartedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ScrollToken = table.Column<string>(type: "varchar(1024)", unicode: false, maxLength: 1024, nullable: true),
                    ModifiedSinceUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RemoteTotal = table.Column<long>(type: "bigint", nullable: true),
                    Seen = table.Column<int>(type: "int", nullable: false),
                    Added = table.Column<int>(type: "int", nullable: false),
                    Updated = table.Column<int>(type: "int", nullable: false),
                    Removed = table.Column<int>(type: "int", nullable: false),
                    Error = table.Column<string>(type: "nvarchar(1024)", maxLength: 1024, nullable: true),
                    Unfinished = table.Column<bool>(type: "bit", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceSyncRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CategoryGrants_CategoryId",
                table: "CategoryGrants",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingVodEvents_SentAtUtc_AbandonedAtUtc_NextAttemptAtUtc",
                table: "OutgoingVodEvents",
                columns: new[] { "SentAtUtc", "AbandonedAtUtc", "NextAttemptAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReceivedVodEvents_EventKey",
                table: "ReceivedVodEvents",
                column: "EventKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReceivedVodEvents_ReceivedAtUtc",
                table: "ReceivedVodEvents",
                column: "ReceivedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_RemoteAssets_RemoteModifiedAtUtc",
                table: "RemoteAssets",
                column: "RemoteModifiedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_RemoteAssets_SeenInSyncRunId",
                table: "RemoteAssets",
                column: "SeenInSyncRunId");

            migrationBuilder.CreateIndex(
                name: "IX_SourceSyncRuns_Kind_StartedAtUtc",
                table: "SourceSyncRuns",
                columns: new[] { "Kind", "StartedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SourceSyncRuns_Unfinished",
                table: "SourceSyncRuns",
                column: "Unfinished",
                unique: true,
                filter: "[Unfinished] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CategoryGrants");

            migrationBuilder.DropTable(
                name: "OutgoingVodEvents");

            migrationBuilder.DropTable(
                name: "ReceivedVodEvents");

            migrationBuilder.DropTable(
                name: "RemoteAssets");

            migrationBuilder.DropTable(
                name: "SourceSyncRuns");

            migrationBuilder.DropColumn(
                name: "RemoteRequestId",
                table: "DeletionAuditRecords");
        }
    }
}
