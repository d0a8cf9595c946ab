using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TraceExplorer.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "runs",
                columns: table => new
                {
                    RunId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    TraceId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ParentRunId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Relation = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    AgentName = table.Column<string>(type: "TEXT", nullable: true),
                    Route = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    StartTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DurationMs = table.Column<double>(type: "REAL", nullable: false),
                    StepCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ToolCallCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ErrorCount = table.Column<int>(type: "INTEGER", nullable: false),
                    InputTokens = table.Column<long>(type: "INTEGER", nullable: false),
                    OutputTokens = table.Column<long>(type: "INTEGER", nullable: false),
                    PromptVersion = table.Column<string>(type: "TEXT", nullable: true),
                    PolicyVersion = table.Column<string>(type: "TEXT", nullable: true),
                    ToolContractVersion = table.Column<string>(type: "TEXT", nullable: true),
                    RouteConfigVersion = table.Column<string>(type: "TEXT", nullable: true),
                    Models = table.Column<string>(type: "TEXT", nullable: true),
                    Input = table.Column<string>(type: "TEXT", nullable: true),
                    Output = table.Column<string>(type: "TEXT", nullable: true),
                    EndUserHash = table.Column<string>(type: "TEXT", nullable: true),
                    IsPinned = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_runs", x => x.RunId);
                });

            migrationBuilder.CreateTable(
                name: "complaints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_complaints_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "runs",
                        principalColumn: "RunId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    SpanId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", nullable: true),
                    PolicyId = table.Column<string>(type: "TEXT", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", nullable: true),
                    Target = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_decisions_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "runs",
                        principalColumn: "RunId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "steps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TraceId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SpanId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RunId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ParentSpanId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    StepNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    StartTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DurationMs = table.Column<double>(type: "REAL", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ErrorType = table.Column<string>(type: "TEXT", nullable: true),
                    ErrorMessage = table.Column<string>(type: "TEXT", nullable: true),
                    ToolName = table.Column<string>(type: "TEXT", nullable: true),
                    ToolCallId = table.Column<string>(type: "TEXT", nullable: true),
                    ToolArgumentsHash = table.Column<string>(type: "TEXT", nullable: true),
                    Model = table.Column<string>(type: "TEXT", nullable: true),
                    Provider = table.Column<string>(type: "TEXT", nullable: true),
                    Temperature = table.Column<double>(type: "REAL", nullable: true),
                    MaxTokens = table.Column<int>(type: "INTEGER", nullable: true),
                    InputTokens = table.Column<long>(type: "INTEGER", nullable: true),
                    OutputTokens = table.Column<long>(type: "INTEGER", nullable: true),
                    ValidationSchema = table.Column<string>(type: "TEXT", nullable: true),
                    ValidationPassed = table.Column<bool>(type: "INTEGER", nullable: true),
                    ValidationFailureReason = table.Column<string>(type: "TEXT", nullable: true),
                    AttributesJson = table.Column<string>(type: "TEXT", nullable: true),
                    EventsJson = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_steps_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "runs",
                        principalColumn: "RunId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_RunId_ExternalId",
                table: "complaints",
                columns: new[] { "RunId", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_decisions_Kind_Time",
                table: "decisions",
                columns: new[] { "Kind", "Time" });

            migrationBuilder.CreateIndex(
                name: "IX_decisions_RunId_Time",
                table: "decisions",
                columns: new[] { "RunId", "Time" });

            migrationBuilder.CreateIndex(
                name: "IX_runs_AgentName_StartTime",
                table: "runs",
                columns: new[] { "AgentName", "StartTime" });

            migrationBuilder.CreateIndex(
                name: "IX_runs_DurationMs",
                table: "runs",
                column: "DurationMs");

            migrationBuilder.CreateIndex(
                name: "IX_runs_ParentRunId",
                table: "runs",
                column: "ParentRunId");

            migrationBuilder.CreateIndex(
                name: "IX_runs_PolicyVersion_StartTime",
                table: "runs",
                columns: new[] { "PolicyVersion", "StartTime" });

            migrationBuilder.CreateIndex(
                name: "IX_runs_PromptVersion_StartTime",
                table: "runs",
                columns: new[] { "PromptVersion", "StartTime" });

            migrationBuilder.CreateIndex(
                name: "IX_runs_RequestId",
                table: "runs",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_runs_Route_StartTime",
                table: "runs",
                columns: new[] { "Route", "StartTime" });

            migrationBuilder.CreateIndex(
                name: "IX_runs_RouteConfigVersion_StartTime",
                table: "runs",
                columns: new[] { "RouteConfigVersion", "StartTime" });

            migrationBuilder.CreateIndex(
                name: "IX_runs_StartTime",
                table: "runs",
                column: "StartTime");

            migrationBuilder.CreateIndex(
                name: "IX_runs_Status_StartTime",
                table: "runs",
                columns: new[] { "Status", "StartTime" });

            migrationBuilder.CreateIndex(
                name: "IX_runs_ToolContractVersion_StartTime",
                table: "runs",
                columns: new[] { "ToolContractVersion", "StartTime" });

            migrationBuilder.CreateIndex(
                name: "IX_runs_TraceId",
                table: "runs",
                column: "TraceId");

            migrationBuilder.CreateIndex(
                name: "IX_steps_Kind_StartTime",
                table: "steps",
                columns: new[] { "Kind", "StartTime" });

            migrationBuilder.CreateIndex(
                name: "IX_steps_RunId_StepNumber",
                table: "steps",
                columns: new[] { "RunId", "StepNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_steps_ToolCallId",
                table: "steps",
                column: "ToolCallId");

            migrationBuilder.CreateIndex(
                name: "IX_steps_TraceId_SpanId",
                table: "steps",
                columns: new[] { "TraceId", "SpanId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "complaints");

            migrationBuilder.DropTable(
                name: "decisions");

            migrationBuilder.DropTable(
                name: "steps");

            migrationBuilder.DropTable(
                name: "runs");
        }
    }
}
