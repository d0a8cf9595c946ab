using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TraceExplorer.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DurationRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hours rolled up before these tables existed have no durations: they are rolled up again.
            migrationBuilder.Sql("DELETE FROM rollup_hours;");

            migrationBuilder.CreateTable(
                name: "rollup_run_days",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AgentName = table.Column<string>(type: "TEXT", nullable: true),
                    Route = table.Column<string>(type: "TEXT", nullable: true),
                    PromptVersion = table.Column<string>(type: "TEXT", nullable: true),
                    PolicyVersion = table.Column<string>(type: "TEXT", nullable: true),
                    ToolContractVersion = table.Column<string>(type: "TEXT", nullable: true),
                    RouteConfigVersion = table.Column<string>(type: "TEXT", nullable: true),
                    Models = table.Column<string>(type: "TEXT", nullable: true),
                    Bucket = table.Column<int>(type: "INTEGER", nullable: false),
                    Runs = table.Column<long>(type: "INTEGER", nullable: false),
                    Failures = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollup_run_days", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rollup_run_hours",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AgentName = table.Column<string>(type: "TEXT", nullable: true),
                    Route = table.Column<string>(type: "TEXT", nullable: true),
                    PromptVersion = table.Column<string>(type: "TEXT", nullable: true),
                    PolicyVersion = table.Column<string>(type: "TEXT", nullable: true),
                    ToolContractVersion = table.Column<string>(type: "TEXT", nullable: true),
                    RouteConfigVersion = table.Column<string>(type: "TEXT", nullable: true),
                    Models = table.Column<string>(type: "TEXT", nullable: true),
                    Bucket = table.Column<int>(type: "INTEGER", nullable: false),
                    Runs = table.Column<long>(type: "INTEGER", nullable: false),
                    Failures = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollup_run_hours", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rollup_slowest_steps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<string>(type: "TEXT", nullable: false),
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    ToolName = table.Column<string>(type: "TEXT", nullable: true),
                    Model = table.Column<string>(type: "TEXT", nullable: true),
                    StepNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    StartTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DurationMs = table.Column<double>(type: "REAL", nullable: false),
                    Failed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollup_slowest_steps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rollup_step_days",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AgentName = table.Column<string>(type: "TEXT", nullable: true),
                    Route = table.Column<string>(type: "TEXT", nullable: true),
                    PromptVersion = table.Column<string>(type: "TEXT", nullable: true),
                    PolicyVersion = table.Column<string>(type: "TEXT", nullable: true),
                    ToolContractVersion = table.Column<string>(type: "TEXT", nullable: true),
                    RouteConfigVersion = table.Column<string>(type: "TEXT", nullable: true),
                    Models = table.Column<string>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    ToolName = table.Column<string>(type: "TEXT", nullable: true),
                    Model = table.Column<string>(type: "TEXT", nullable: true),
                    Bucket = table.Column<int>(type: "INTEGER", nullable: false),
                    Steps = table.Column<long>(type: "INTEGER", nullable: false),
                    Failures = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalMs = table.Column<double>(type: "REAL", nullable: false),
                    MaxMs = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollup_step_days", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rollup_step_hours",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AgentName = table.Column<string>(type: "TEXT", nullable: true),
                    Route = table.Column<string>(type: "TEXT", nullable: true),
                    PromptVersion = table.Column<string>(type: "TEXT", nullable: true),
                    PolicyVersion = table.Column<string>(type: "TEXT", nullable: true),
                    ToolContractVersion = table.Column<string>(type: "TEXT", nullable: true),
                    RouteConfigVersion = table.Column<string>(type: "TEXT", nullable: true),
                    Models = table.Column<string>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    ToolName = table.Column<string>(type: "TEXT", nullable: true),
                    Model = table.Column<string>(type: "TEXT", nullable: true),
                    Bucket = table.Column<int>(type: "INTEGER", nullable: false),
                    Steps = table.Column<long>(type: "INTEGER", nullable: false),
                    Failures = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalMs = table.Column<double>(type: "REAL", nullable: false),
                    MaxMs = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollup_step_hours", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_rollup_run_days_Hour",
                table: "rollup_run_days",
                column: "Hour");

            migrationBuilder.CreateIndex(
                name: "IX_rollup_run_hours_Hour",
                table: "rollup_run_hours",
                column: "Hour");

            migrationBuilder.CreateIndex(
                name: "IX_rollup_slowest_steps_Hour",
                table: "rollup_slowest_steps",
                column: "Hour");

            migrationBuilder.CreateIndex(
                name: "IX_rollup_step_days_Hour",
                table: "rollup_step_days",
                column: "Hour");

            migrationBuilder.CreateIndex(
                name: "IX_rollup_step_hours_Hour",
                table: "rollup_step_hours",
                column: "Hour");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rollup_run_days");

            migrationBuilder.DropTable(
                name: "rollup_run_hours");

            migrationBuilder.DropTable(
                name: "rollup_slowest_steps");

            migrationBuilder.DropTable(
                name: "rollup_step_days");

            migrationBuilder.DropTable(
                name: "rollup_step_hours");
        }
    }
}
