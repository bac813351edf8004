# The learner's database as Terraform: a custom VPC with private subnets in two zones, a DB subnet group, a
# PostgreSQL parameter group and a PostgreSQL instance in them, for apply / plan / destroy.
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

output "address" { value = aws_db_instance.shop.address }
output "port" { value = aws_db_instance.shop.port }
