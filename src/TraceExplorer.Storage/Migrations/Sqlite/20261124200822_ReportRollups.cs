using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TraceExplorer.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rollup_hours",
                columns: table => new
                {
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MaterializedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollup_hours", x => x.Hour);
                });

            migrationBuilder.CreateTable(
                name: "rollup_loop_steps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<string>(type: "TEXT", nullable: false),
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Pattern = table.Column<string>(type: "TEXT", nullable: false),
                    Length = table.Column<int>(type: "INTEGER", nullable: false),
                    StepNumber = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollup_loop_steps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rollup_pending",
                columns: table => new
                {
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollup_pending", x => x.Hour);
                });

            migrationBuilder.CreateTable(
                name: "rollup_tool_repeats",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<string>(type: "TEXT", nullable: false),
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ToolName = table.Column<string>(type: "TEXT", nullable: false),
                    ArgumentsHash = table.Column<string>(type: "TEXT", nullable: false),
                    Calls = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalMs = table.Column<double>(type: "REAL", nullable: false),
                    FastestMs = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollup_tool_repeats", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rollup_tool_usage",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ToolName = table.Column<string>(type: "TEXT", nullable: false),
                    Runs = table.Column<long>(type: "INTEGER", nullable: false),
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AgentName = table.Column<string>(type: "TEXT", nullable: true),
                    Route = table.Column<string>(type: "TEXT", nullable: true),
                    PromptVersion = table.Column<string>(type: "TEXT", nullable: true),
                    PolicyVersion = table.Column<string>(type: "TEXT", nullable: true),
                    ToolContractVersion = table.Column<string>(type: "TEXT", nullable: true),
                    RouteConfigVersion = table.Column<string>(type: "TEXT", nullable: true),
                    Models = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollup_tool_usage", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rollup_validation",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchemaName = table.Column<string>(type: "TEXT", nullable: false),
                    Failed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: true),
                    Checks = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AgentName = table.Column<string>(type: "TEXT", nullable: true),
                    Route = table.Column<string>(type: "TEXT", nullable: true),
                    PromptVersion = table.Column<string>(type: "TEXT", nullable: true),
                    PolicyVersion = table.Column<string>(type: "TEXT", nullable: true),
                    ToolContractVersion = table.Column<string>(type: "TEXT", nullable: true),
                    RouteConfigVersion = table.Column<string>(type: "TEXT", nullable: true),
                    Models = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollup_validation", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_rollup_loop_steps_Hour",
                table: "rollup_loop_steps",
                column: "Hour");

            migrationBuilder.CreateIndex(
                name: "IX_rollup_tool_repeats_Hour_ToolName",
                table: "rollup_tool_repeats",
                columns: new[] { "Hour", "ToolName" });

            migrationBuilder.CreateIndex(
                name: "IX_rollup_tool_usage_Hour",
                table: "rollup_tool_usage",
                column: "Hour");

            migrationBuilder.CreateIndex(
                name: "IX_rollup_validation_Hour",
                table: "rollup_validation",
                column: "Hour");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rollup_hours");

            migrationBuilder.DropTable(
                name: "rollup_loop_steps");

            migrationBuilder.DropTable(
                name: "rollup_pending");

            migrationBuilder.DropTable(
                name: "rollup_tool_repeats");

            migrationBuilder.DropTable(
                name: "rollup_tool_usage");

            migrationBuilder.DropTable(
                name: "rollup_validation");
        }
    }
}
