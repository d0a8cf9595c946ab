using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TraceExplorer.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IngestBookkeeping : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LastStepStart",
                table: "runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RootFailed",
                table: "runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "RootSpanId",
                table: "runs",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "StepIdsFromAgent",
                table: "runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Fingerprint",
                table: "decisions",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TraceId",
                table: "decisions",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_decisions_Fingerprint",
                table: "decisions",
                column: "Fingerprint",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_decisions_Fingerprint",
                table: "decisions");

            migrationBuilder.DropColumn(
                name: "LastStepStart",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "RootFailed",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "RootSpanId",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "StepIdsFromAgent",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "Fingerprint",
                table: "decisions");

            migrationBuilder.DropColumn(
                name: "TraceId",
                table: "decisions");
        }
    }
}
