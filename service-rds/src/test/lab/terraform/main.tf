# The learner's database as Terraform: a custom VPC with private subnets in two zones, a DB subnet group, a
# PostgreSQL parameter group and a PostgreSQL instance in them, and an Aurora PostgreSQL cluster with a cluster
# parameter group and a writer instance in the same subnet group, for apply / plan / destroy.
variable "endpoint" { type = string }

terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  endpoints {
    ec2 = var.endpoint
    rds = var.endpoint
  }
}

resource "aws_vpc" "app" {
  cidr_block = "10.50.0.0/16"
}

resource "aws_subnet" "private_a" {
  vpc_id            = aws_vpc.app.id
  cidr_block        = "10.50.1.0/24"
  availability_zone = "us-east-1a"
}

resource "aws_subnet" "private_b" {
  vpc_id            = aws_vpc.app.id
  cidr_block        = "10.50.2.0/24"
  availability_zone = "us-east-1b"
}

resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = aws_vpc.app.id
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.50.0.0/16"]
  }
}

resource "aws_db_subnet_group" "private" {
  name       = "private"
  subnet_ids = [aws_subnet.private_a.id, aws_subnet.private_b.id]
  tags       = { Name = "private" }
}

resource "aws_db_parameter_group" "shop" {
  name   = "shop-pg16"
  family = "postgres16"
  parameter {
    name  = "log_statement"
    value = "ddl"
  }
}

resource "aws_db_instance" "shop" {
  identifier             = "shop"
  engine                 = "postgres"
  engine_version         = "16.8"
  instance_class         = "db.t3.micro"
  allocated_storage      = 20
  db_name                = "shop"
  username               = "master"
  password               = "Secret-pass1"
  db_subnet_group_name   = aws_db_subnet_group.private.name
  parameter_group_name   = aws_db_parameter_group.shop.name
  vpc_security_group_ids = [aws_security_group.db.id]
  skip_final_snapshot    = true
  tags                   = { Name = "shop" }
}

resource "aws_rds_cluster_parameter_group" "aurora" {
  name   = "aurora-pg16"
  family = "aurora-postgresql16"
  parameter {
    name  = "log_statement"
    value = "ddl"
  }
}

resource "aws_rds_cluster" "aurora" {
  cluster_identifier              = "aurora-shop"
  engine                          = "aurora-postgresql"
  engine_version                  = "16.6"
  database_name                   = "shop"
  master_username                 = "master"
  master_password                 = "Secret-pass1"
  db_subnet_group_name            = aws_db_subnet_group.private.name
  vpc_security_group_ids          = [aws_security_group.db.id]
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.aurora.name
  skip_final_snapshot             = true
  tags                            = { Name = "aurora-shop" }
}

resource "aws_rds_cluster_instance" "writer" {
  identifier         = "aurora-shop-1"
  cluster_identifier = aws_rds_cluster.aurora.id
  engine             = aws_rds_cluster.aurora.engine
  engine_version     = aws_rds_cluster.aurora.engine_version
  instance_class     = "db.t4g.medium"
}

output "address" { value = aws_db_instance.shop.address }
output "cluster_endpoint" { value = aws_rds_cluster.aurora.endpoint }
output "reader_endpoint" { value = aws_rds_cluster.aurora.reader_endpoint }
output "cluster_port" { value = aws_rds_cluster.aurora.port }
output "writer" { value = aws_rds_cluster_instance.writer.writer }
output "port" { value = aws_db_instance.shop.port }
